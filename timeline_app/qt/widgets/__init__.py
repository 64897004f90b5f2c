"""Qt widgets: each a view of the view model, following its ViewState and Navigator."""
