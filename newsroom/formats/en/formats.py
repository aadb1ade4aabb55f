# Dates on the public site: "12 Aug 2016".
DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
