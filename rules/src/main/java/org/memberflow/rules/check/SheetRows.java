package org.memberflow.rules.check;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Counts the rows of an {@code .xlsx} by streaming its worksheets' XML, and stops once past a
 * limit. POI builds the whole workbook before it can count: a 100,000-row sheet took about 1 GiB
 * of heap and the parser thread past its time limit (found by the chaos fuzz), so the rows are
 * counted before POI sees the file.
 */
final class SheetRows {
    private static final Pattern WORKSHEET = Pattern.compile("xl/worksheets/[^/]+\\.xml");
    /** Inflated bytes read from one worksheet at most, as POI's own limit on an entry. */
    static final long MAX_SHEET_BYTES = 64L * 1024 * 1024;
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        // No DTDs: no external entities, no entity expansion.
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private SheetRows() {
    }

    /**
     * The rows of every worksheet, or the first count past {@code limit}; 0 when the bytes are
     * not a zip (POI judges those).
     */
    static long count(byte[] xlsx, long limit) throws IOException, RuleFileException {
        long rows = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null && rows <= limit; entry = zip.getNextEntry()) {
                if (WORKSHEET.matcher(entry.getName()).matches()) {
                    rows += rowsOf(new Bounded(zip, entry.getName()), limit - rows);
                }
            }
        }
        return rows;
    }

    private static long rowsOf(InputStream sheet, long limit) throws RuleFileException {
        long rows = 0;
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(sheet);
            try {
                while (xml.hasNext() && rows <= limit) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                        rows++;
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new RuleFileException("the decision table cannot be read: " + DecisionTables.describe(e));
        }
        return rows;
    }

    /** A worksheet's bytes, refused past {@link #MAX_SHEET_BYTES}; closing it leaves the zip open. */
    private static final class Bounded extends FilterInputStream {
        private final String name;
        private long read;

        Bounded(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > MAX_SHEET_BYTES) {
                throw new IOException(name + " inflates to more than " + MAX_SHEET_BYTES / (1024 * 1024) + " MiB");
            }
        }

        @Override
        public void close() {
            // the zip is closed by its owner
        }
    }
}
