package org.memberflow.bench.sweep;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.memberflow.segments.RfmClass;

/**
 * The same eight-class classification in SQL, over a purchases table in MariaDB: R, F and M per
 * member over the window by GROUP BY, the population means by window functions, then the class
 * per member, counted. This is what a nightly batch job over the order history would do.
 */
final class SqlClassification implements AutoCloseable {
    private static final String CLASSIFY = """
            SELECT c, COUNT(*) FROM (
              SELECT CONCAT(IF(r < AVG(r) OVER (), 'H', 'L'), IF(f > AVG(f) OVER (), 'H', 'L'),
                            IF(m > AVG(m) OVER (), 'H', 'L')) AS c
              FROM (SELECT member_id, DATEDIFF(?, MAX(day)) AS r, COUNT(*) AS f, SUM(amount_fen) AS m
                    FROM bench_purchases
                    WHERE day > DATE_SUB(?, INTERVAL ? DAY) AND day <= ?
                    GROUP BY member_id) AS rfm
            ) AS classes GROUP BY c""";

    private final Connection connection;

    SqlClassification(String jdbcUrl) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl + "&allowLoadLocalInfile=true", "root", "");
    }

    /** Loads the purchases (CSV: member_id,day,amount_fen) into a fresh table clustered by member. */
    void load(Path csv) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_purchases");
            s.execute("""
                    CREATE TABLE bench_purchases (
                      member_id VARCHAR(64) NOT NULL, seq INT NOT NULL AUTO_INCREMENT, day DATE NOT NULL,
                      amount_fen BIGINT NOT NULL, PRIMARY KEY (member_id, seq), KEY (seq))""");
            s.execute("LOAD DATA LOCAL INFILE '" + csv.toAbsolutePath() + "' INTO TABLE bench_purchases"
                    + " FIELDS TERMINATED BY ',' (member_id, day, amount_fen)");
        }
    }

    /** Buyers per class as of {@code today}; members without a purchase in the window are not counted. */
    Map<String, Long> classify(LocalDate today, int windowDays) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement ps = connection.prepareStatement(CLASSIFY)) {
            ps.setObject(1, today);
            ps.setObject(2, today);
            ps.setInt(3, windowDays);
            ps.setObject(4, today);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String hml = rs.getString(1);
                    RfmClass c = RfmClass.of(hml.charAt(0) == 'H', hml.charAt(1) == 'H', hml.charAt(2) == 'H');
                    counts.put(c.code(), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
