from askcoach.cli import main

raise SystemExit(main())
