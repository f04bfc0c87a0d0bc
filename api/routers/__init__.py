"""One router per resource: calls, drafts, customers, health, and the agent's web page."""
