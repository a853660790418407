// Bulk load of one table from a CSV file the adapter writes ({{file}} is that path).
COPY SPOKE FROM '{{file}}' (header=false, escape='"', quote='"', parallel=false)
