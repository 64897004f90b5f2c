"""The Qt layer: thin widgets over :mod:`timeline_app.dataset`, following its ViewState."""
