from itvreport.cli import main

raise SystemExit(main())
