from .cli import main
from .workers import exit_now

exit_now(main())
