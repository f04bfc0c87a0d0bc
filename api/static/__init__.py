"""The agent's web page (plain HTML + JS), packaged as data."""
