package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Quartz's JDBC job store tables, created from the script Quartz ships for MySQL with InnoDB
 * (clustered scheduling needs them in the shared database). A migration, not Spring's schema
 * initializer: that one would run the script's DROP statements again at every start.
 */
public class V4__quartz_tables extends BaseJavaMigration {
    private static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_mysql_innodb.sql";

    @Override
    public void migrate(Context context) throws Exception {
        String sql;
        try (InputStream in = V4__quartz_tables.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("Quartz's schema script is not on the classpath: " + SCRIPT);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutComments = Arrays.stream(sql.split("\n")).filter(l -> !l.trim().startsWith("#")
                && !l.trim().startsWith("--")).collect(Collectors.joining("\n"));
        try (Statement statement = context.getConnection().createStatement()) {
            for (String part : withoutComments.split(";")) {
                String command = part.trim();
                if (!command.isEmpty() && !command.equalsIgnoreCase("commit")) {
                    statement.execute(command);
                }
            }
        }
    }
}
