"""Text utilities shared by the document model and the checks (no markup knowledge here)."""
