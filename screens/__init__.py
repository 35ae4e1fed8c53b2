"""The Textual app: one module and one stylesheet per screen, and the step orchestrator."""
