import calendar

print(calendar.isleap(2024))
