package io.vettify.crm.leads.imports;

/**
 * Why a row of the file was not imported: the line it starts on, the CSV column and lead field concerned (null when
 * the whole row is concerned), and a message. It never repeats the row's values.
 */
public record ImportError(long line, Kind kind, String column, String field, String message) {

    public enum Kind {
        /** A value breaks a rule of the lead API; the row is not imported. */
        INVALID,
        /** The email is already taken, by an earlier line of the file or by an existing lead; not imported. */
        DUPLICATE
    }
}
