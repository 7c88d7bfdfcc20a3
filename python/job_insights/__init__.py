"""job-insights: failure analytics for workflow-manager jobs."""

__version__ = "0.1.0"
