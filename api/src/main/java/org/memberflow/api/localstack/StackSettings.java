package org.memberflow.api.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each backing server is: an external one named by an environment variable, or an
 * embedded one started by {@link LocalStack} on a local port with its data under {@code dataDir}.
 *
 * <table>
 * <tr><th>variable</th><th>meaning</th><th>default</th></tr>
 * <tr><td>MEMBERFLOW_MYSQL_URL</td><td>JDBC URL of an external MySQL/MariaDB (user and password in
 *     MEMBERFLOW_MYSQL_USERNAME, MEMBERFLOW_MYSQL_PASSWORD)</td><td>embedded MariaDB</td></tr>
 * <tr><td>MEMBERFLOW_REDIS_URL</td><td>redis://host:port of an external Redis</td><td>embedded Redis</td></tr>
 * <tr><td>MEMBERFLOW_KAFKA_BOOTSTRAP_SERVERS</td><td>host:port list of an external Kafka</td><td>embedded broker</td></tr>
 * <tr><td>MEMBERFLOW_DATA_DIR</td><td>data of the embedded servers and engine state</td><td>.local</td></tr>
 * <tr><td>MEMBERFLOW_FRESH</td><td>true: empty the data directory before starting</td><td>false</td></tr>
 * <tr><td>MEMBERFLOW_LOCAL_MARIADB_PORT, _REDIS_PORT, _KAFKA_PORT, _KAFKA_CONTROLLER_PORT</td>
 *     <td>ports of the embedded servers</td><td>13306, 16379, 19092, 19093</td></tr>
 * </table>
 */
public record StackSettings(
        Path dataDir,
        boolean fresh,
        String externalMysqlUrl,
        String externalRedisUrl,
        String externalKafka,
        int mariaDbPort,
        int redisPort,
        int kafkaPort,
        int kafkaControllerPort) {

    public static final String MYSQL_URL = "MEMBERFLOW_MYSQL_URL";
    public static final String REDIS_URL = "MEMBERFLOW_REDIS_URL";
    public static final String KAFKA_BOOTSTRAP = "MEMBERFLOW_KAFKA_BOOTSTRAP_SERVERS";
    public static final String DATA_DIR = "MEMBERFLOW_DATA_DIR";
    public static final String FRESH = "MEMBERFLOW_FRESH";

    public static StackSettings fromEnvironment(Map<String, String> env) {
        return new StackSettings(
                Path.of(env.getOrDefault(DATA_DIR, ".local")).toAbsolutePath().normalize(),
                Boolean.parseBoolean(env.getOrDefault(FRESH, "false")),
                blankToNull(env.get(MYSQL_URL)),
                blankToNull(env.get(REDIS_URL)),
                blankToNull(env.get(KAFKA_BOOTSTRAP)),
                port(env, "MEMBERFLOW_LOCAL_MARIADB_PORT", 13306),
                port(env, "MEMBERFLOW_LOCAL_REDIS_PORT", 16379),
                port(env, "MEMBERFLOW_LOCAL_KAFKA_PORT", 19092),
                port(env, "MEMBERFLOW_LOCAL_KAFKA_CONTROLLER_PORT", 19093));
    }

    /**
     * The settings of the environment, with the embedded servers on free ports and their data in
     * {@code dataDir}: for a stack beside another (tests, benchmarks). External servers named in the
     * environment are still used.
     */
    public static StackSettings onFreePorts(Map<String, String> env, Path dataDir) {
        Map<String, String> own = new HashMap<>(env);
        own.put(DATA_DIR, dataDir.toString());
        own.put("MEMBERFLOW_LOCAL_MARIADB_PORT", Integer.toString(Ports.free()));
        own.put("MEMBERFLOW_LOCAL_REDIS_PORT", Integer.toString(Ports.free()));
        own.put("MEMBERFLOW_LOCAL_KAFKA_PORT", Integer.toString(Ports.free()));
        own.put("MEMBERFLOW_LOCAL_KAFKA_CONTROLLER_PORT", Integer.toString(Ports.free()));
        return fromEnvironment(own);
    }

    public boolean embedsMariaDb() {
        return externalMysqlUrl == null;
    }

    public boolean embedsRedis() {
        return externalRedisUrl == null;
    }

    public boolean embedsKafka() {
        return externalKafka == null;
    }

    public boolean embedsAnything() {
        return embedsMariaDb() || embedsRedis() || embedsKafka();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new LocalStackException(name + " must be a port number, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
