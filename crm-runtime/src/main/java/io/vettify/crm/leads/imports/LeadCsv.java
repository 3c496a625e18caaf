package io.vettify.crm.leads.imports;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.vettify.crm.common.api.Problem;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.common.api.ProblemType;
import java.io.CharConversionException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the rows of a CSV file (RFC 4180: comma separated, fields optionally in double quotes, a quoted field may
 * hold commas, doubled quotes and line breaks; CRLF or LF; UTF-8 with or without a byte order mark), one row at a
 * time, each with the line it starts on (the header is line 1). Blank lines are skipped.
 */
final class LeadCsv implements Closeable {

    private static final CsvFactory FACTORY = new CsvFactory();

    record Row(long line, List<String> values) {
    }

    private final CsvParser parser;
    private final List<String> header;

    private LeadCsv(CsvParser parser) {
        this.parser = parser;
        Row first = next();
        if (first == null) {
            throw ProblemException.invalid("file", "is empty: the first line must be a header naming the columns");
        }
        this.header = first.values();
    }

    /**
     * @throws ProblemException 415 when the file is not UTF-8 text, 422 when it is not well-formed CSV
     */
    static LeadCsv open(InputStream in) {
        try {
            CsvParser parser = FACTORY.createParser(in);
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            parser.setSchema(CsvSchema.emptySchema());
            return new LeadCsv(parser);
        } catch (IOException e) {
            throw problem(e);
        }
    }

    List<String> header() {
        return header;
    }

    /** The next non-blank row, or null at the end of the file. */
    Row next() {
        try {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY && parser.getParsingContext().getParent().inArray()) {
                    Row row = row();
                    if (row.values().stream().anyMatch(value -> !value.isBlank())) {
                        return row;
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw problem(e);
        }
    }

    private Row row() throws IOException {
        List<String> values = new ArrayList<>();
        long line = -1;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (line < 0) {
                // The first value's location is the row's first line; the array's own lags one row behind.
                line = parser.currentTokenLocation().getLineNr();
            }
            String value = parser.getText();
            if (value.indexOf('\0') >= 0) {
                throw new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "the file holds binary data at line " + line + ": upload the leads as a UTF-8 CSV file"));
            }
            values.add(value);
        }
        return new Row(line, values);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuntimeException problem(IOException e) {
        if (e instanceof CharConversionException) {
            return new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "the file is not UTF-8 text: upload the leads as a UTF-8 CSV file"));
        }
        if (e instanceof JsonParseException parse) {
            return ProblemException.invalid("file", "is not well-formed CSV at line "
                    + parse.getLocation().getLineNr() + ": " + parse.getOriginalMessage());
        }
        return new UncheckedIOException(e);
    }
}
