"""The Qt layer: thin widgets over :mod:`timeline_app.model`, following its ViewState."""
