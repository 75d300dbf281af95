package org.memberflow.engine.member;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends varints, zigzag longs and short strings to a growing byte array. */
final class BinaryWriter {
    private byte[] buf = new byte[256];
    private int pos;

    void byteValue(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
    }

    /** Unsigned LEB128. */
    void varLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    void varInt(int v) {
        varLong(v & 0xFFFFFFFFL);
    }

    /** Signed, zigzag-encoded so that small negatives stay small. */
    void zigzag(long v) {
        varLong((v << 1) ^ (v >> 63));
    }

    void fixedLong(long v) {
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            buf[pos++] = (byte) (v >>> (i * 8));
        }
    }

    void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varInt(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}
