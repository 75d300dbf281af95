package org.memberflow.rules.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One file of a rule set: a DRL file ({@code *.drl}) or a decision table ({@code *.drl.xlsx},
 * {@code *.drl.csv}). Decision tables are binary, so content is bytes.
 */
public record RuleFile(String path, byte[] content) {
    public RuleFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    /**
     * SHA-256 of the files, in hex: the same files give the same checksum whatever their order,
     * so a version can be recognised when it is uploaded again.
     */
    public static String checksum(List<RuleFile> files) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        for (RuleFile file : files.stream().sorted(Comparator.comparing(RuleFile::path)).toList()) {
            byte[] path = file.path().getBytes(StandardCharsets.UTF_8);
            // Lengths first, so that no two different sets of files give the same stream of bytes.
            sha256.update(longBytes(path.length));
            sha256.update(path);
            sha256.update(longBytes(file.content().length));
            sha256.update(file.content());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }
}
