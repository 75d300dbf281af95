package org.memberflow.bench.chaos;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Valid decision tables (the built-in ones) mutated at random, from a seed: bits flipped, the file
 * cut short, two zip entries' contents swapped, an entry removed. The server may accept or refuse
 * each; it must never fail on one.
 */
final class SpreadsheetFuzz {
    static final List<String> BASES = List.of("org/memberflow/rules/builtin/birthday.drl.xlsx",
            "org/memberflow/rules/builtin/rfm-classes.drl.xlsx");

    enum Mutation { BIT_FLIPS, TRUNCATION, SWAPPED_ENTRIES, REMOVED_ENTRY }

    private final Random random;
    private final List<byte[]> bases = new ArrayList<>();

    SpreadsheetFuzz(long seed) {
        this.random = new Random(seed);
        for (String path : BASES) {
            try (InputStream in = SpreadsheetFuzz.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException(path + " is not on the class path");
                }
                bases.add(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The mutation the n-th file gets: each in turn. */
    static Mutation mutationOf(int n) {
        return Mutation.values()[n % Mutation.values().length];
    }

    /** The n-th mutated file (call with n = 0, 1, 2, ... in order: the seed's sequence). */
    RuleFileSample next(int n) {
        int b = random.nextInt(bases.size());
        Mutation mutation = mutationOf(n);
        byte[] base = bases.get(b);
        byte[] bytes;
        switch (mutation) {
            case BIT_FLIPS:
                bytes = base.clone();
                for (int i = 1 + random.nextInt(16); i > 0; i--) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
                break;
            case TRUNCATION:
                bytes = Arrays.copyOf(base, random.nextInt(base.length));
                break;
            case SWAPPED_ENTRIES:
                bytes = rewrite(base, true);
                break;
            default:
                bytes = rewrite(base, false);
        }
        return new RuleFileSample(BASES.get(b), bytes, null);
    }

    /** The zip with two entries' contents swapped, or one entry left out. */
    private byte[] rewrite(byte[] zip, boolean swap) {
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                contents.add(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int i = random.nextInt(names.size());
        if (swap) {
            int j = random.nextInt(names.size());
            byte[] t = contents.get(i);
            contents.set(i, contents.get(j));
            contents.set(j, t);
        } else {
            names.remove(i);
            contents.remove(i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int k = 0; k < names.size(); k++) {
                z.putNextEntry(new ZipEntry(names.get(k)));
                z.write(contents.get(k));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
