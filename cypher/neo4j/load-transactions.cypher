// The loads of this application running on this member (each load tags its
// transaction with metadata: app, kind, pid, host), with their age by the
// server's own clock, so that a load whose process is gone can be ended.
SHOW TRANSACTIONS
YIELD transactionId, database, metaData, startTime, status
WHERE database = $database AND metaData.app = $app AND metaData.kind = 'load'
RETURN transactionId, metaData, status, duration.inSeconds(datetime(startTime), datetime()).seconds AS ageSeconds
