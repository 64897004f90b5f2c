"""The kiosk's own widgets: a visitor's card, the figures then and now, the overlays (a badge's
members, the PIN pad), the tour's invitation, the hidden corner, and the lock-down."""
