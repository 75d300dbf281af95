package org.memberflow.api.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a file's bytes, which names its import progress, read in one pass that also
 * checks the file is UTF-8: a CSV saved by Excel in a Chinese locale is GBK unless "CSV UTF-8" is
 * chosen, and would otherwise import as mojibake.
 */
record FileFingerprint(String sha256) {

    static FileFingerprint of(Path file) throws IOException, BadInputException {
        MessageDigest digest = newDigest();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        long line = 1;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                bytes.position(bytes.position() + Math.max(n, 0)).flip();
                int from = bytes.position();
                CoderResult result = utf8.decode(bytes, chars, end);
                // '\n' is one byte in UTF-8 and never inside a character: count it in the bytes decoded
                for (int i = from; i < bytes.position(); i++) {
                    line += bytes.get(i) == '\n' ? 1 : 0;
                }
                if (result.isError() || end && bytes.hasRemaining()) {
                    throw new BadInputException(file.getFileName() + ": line " + line + " is not UTF-8 text (Excel"
                            + " saves CSV as GBK unless you choose \"CSV UTF-8\"); save the file as UTF-8 and run again");
                }
                chars.clear();
                bytes.compact();
            }
        }
        return new FileFingerprint(HexFormat.of().formatHex(digest.digest()));
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The SHA-256 of the parts, each ended by a NUL so that ("ab","c") and ("a","bc") differ. */
    static String sha256Of(String... parts) {
        MessageDigest digest = newDigest();
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
