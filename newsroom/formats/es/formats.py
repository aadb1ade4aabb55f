# Dates on the public site: "12 ago 2016".
DATE_FORMAT = "j b Y"
DATETIME_FORMAT = "j b Y, H:i"
