// The audit log's tables. `audit_head` holds the sequence number and hash of the last row, advanced by SQLite
// itself on every insert: with it, `verify` sees rows cut from the end, not only from the middle. The triggers
// refuse changes through SQL as a second line; whoever can write the file can drop them, and the hash chain is
// what catches that.
export const GENESIS_HASH = '0'.repeat(64);

const APPEND_ONLY = "SELECT RAISE(ABORT, 'the audit log is append-only')";

export const AUDIT_MIGRATIONS: readonly string[] = [
  `CREATE TABLE audit_log (
     seq INTEGER PRIMARY KEY,
     time INTEGER NOT NULL,
     person TEXT,
     device TEXT,
     peer TEXT,
     action TEXT NOT NULL,
     target TEXT,
     outcome TEXT NOT NULL,
     detail TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL);
   CREATE INDEX audit_log_target ON audit_log (target, seq);
   CREATE INDEX audit_log_person ON audit_log (person, seq);
   CREATE INDEX audit_log_time ON audit_log (time);
   CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);
   INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${GENESIS_HASH}');
   CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN ${APPEND_ONLY}; END;
   CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN ${APPEND_ONLY}; END;
   CREATE TRIGGER audit_log_follows_head BEFORE INSERT ON audit_log
     WHEN NEW.seq IS NOT (SELECT seq + 1 FROM audit_head) OR NEW.prev_hash IS NOT (SELECT hash FROM audit_head)
     BEGIN SELECT RAISE(ABORT, 'an audit row must follow the head of the chain'); END;
   CREATE TRIGGER audit_log_advances_head AFTER INSERT ON audit_log
     BEGIN UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1; END;
   CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head WHEN NEW.seq IS NOT OLD.seq + 1
     BEGIN ${APPEND_ONLY}; END;
   CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head BEGIN ${APPEND_ONLY}; END;`,
];
