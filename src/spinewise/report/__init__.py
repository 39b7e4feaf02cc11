"""Reports: markdown, printable HTML, iCalendar and charts."""
