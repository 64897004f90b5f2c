"""The interface's language catalogs, one module per language (see ``zh``)."""
