package org.memberflow.engine.member;

import java.nio.charset.StandardCharsets;

/** Reads what {@link BinaryWriter} wrote; fails loudly on truncated input. */
final class BinaryReader {
    private final byte[] buf;
    private int pos;

    BinaryReader(byte[] buf) {
        this.buf = buf;
    }

    int byteValue() {
        check(1);
        return buf[pos++] & 0xFF;
    }

    long varLong() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            check(1);
            byte b = buf[pos++];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    int varInt() {
        return (int) varLong();
    }

    long zigzag() {
        long v = varLong();
        return (v >>> 1) ^ -(v & 1);
    }

    long fixedLong() {
        check(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    String string() {
        int n = varInt();
        check(n);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    boolean atEnd() {
        return pos == buf.length;
    }

    private void check(int n) {
        if (n < 0 || pos + n > buf.length) {
            throw new IllegalArgumentException("truncated member state");
        }
    }
}
