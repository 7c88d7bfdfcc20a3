from job_insights.cli import main

main()
