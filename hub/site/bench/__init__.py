"""The scale benchmark behind `make bench`: seed a separate database in bulk, time the key pages,
write the table. `manage.py bench` runs it; see README "Running at scale"."""
