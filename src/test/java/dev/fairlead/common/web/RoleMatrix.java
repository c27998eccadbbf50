package dev.fairlead.common.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The role × operation table {@link RoleMatrixIT} checks, read from {@code role-matrix.txt}: one row
 * per operation of {@code /v3/api-docs}, a column per {@link Caller}, each cell an {@link Access}.
 * A row may end in {@code param=record} pairs naming the fixture record a path parameter takes when
 * the default for its path is not the one wanted, and in {@code body=JSON} (no spaces, {@code ${record}}
 * filled in) where the dummy body would be refused before the role check and so test nothing.
 */
final class RoleMatrix {

    /** Who sends the request, in the order the columns are written. */
    enum Caller {
        ADMIN("admin"), DIRECTOR("director"), MANAGER("manager"), FINANCE("finance"), REP("rep"),
        OTHER_REP("other-team rep"), ANONYMOUS("anonymous");

        final String label;

        Caller(String label) {
            this.label = label;
        }

        /** Least privileged first: a forbidden caller must not find the record already changed by an allowed one. */
        static List<Caller> sendingOrder() {
            return List.of(ANONYMOUS, OTHER_REP, FINANCE, REP, MANAGER, DIRECTOR, ADMIN);
        }
    }

    /** What a caller gets, judged by the status alone. */
    enum Access {
        /** Past the role and scope checks: any status but 401, 403, 404 and 5xx (a 400 for the dummy body counts). */
        ALLOWED("ok"),
        /** 403: the role may not do this. */
        FORBIDDEN("403"),
        /** 404: the record lies outside the caller's data scope (or, where the row says so, does not exist). */
        NOT_FOUND("404"),
        /** 401: no credentials, or (webhooks) no valid signature. */
        UNAUTHENTICATED("401"),
        /** A 5xx: never expected, always a finding. */
        SERVER_ERROR("5xx");

        final String cell;

        Access(String cell) {
            this.cell = cell;
        }

        static Access of(int status) {
            return switch (status) {
                case 401 -> UNAUTHENTICATED;
                case 403 -> FORBIDDEN;
                case 404 -> NOT_FOUND;
                default -> status >= 500 ? SERVER_ERROR : ALLOWED;
            };
        }

        static Access parse(String cell) {
            return Arrays.stream(values()).filter(a -> a != SERVER_ERROR && a.cell.equals(cell)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + cell + "' is not one of ok, 403, 404, 401"));
        }
    }

    record Row(int line, String operation, Map<Caller, Access> expected, Map<String, String> records) {

        String method() {
            return operation.substring(0, operation.indexOf(' '));
        }

        String path() {
            return operation.substring(operation.indexOf(' ') + 1);
        }
    }

    private RoleMatrix() {}

    static Map<String, Row> read(String resource) {
        Map<String, Row> rows = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (InputStream in = RoleMatrix.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the test class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                int hash = text.indexOf('#');
                String content = (hash >= 0 ? text.substring(0, hash) : text).trim();
                if (content.isEmpty()) {
                    continue;
                }
                String[] cells = content.split("\\s+");
                int callers = Caller.values().length;
                if (cells.length < 2 + callers) {
                    problems.add("line " + line + ": expected METHOD PATH and " + callers + " cells: " + content);
                    continue;
                }
                String operation = cells[0] + " " + cells[1];
                Map<Caller, Access> expected = new EnumMap<>(Caller.class);
                try {
                    for (Caller caller : Caller.values()) {
                        expected.put(caller, Access.parse(cells[2 + caller.ordinal()]));
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line + ": " + e.getMessage());
                    continue;
                }
                Map<String, String> records = new LinkedHashMap<>();
                for (int i = 2 + callers; i < cells.length; i++) {
                    String[] pair = cells[i].split("=", 2);
                    if (pair.length != 2) {
                        problems.add("line " + line + ": '" + cells[i] + "' is not param=record");
                    } else {
                        records.put(pair[0], pair[1]);
                    }
                }
                if (rows.put(operation, new Row(line, operation, expected, records)) != null) {
                    problems.add("line " + line + ": " + operation + " appears twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(resource + " does not parse:\n  " + String.join("\n  ", problems));
        }
        return rows;
    }

    /** A row in the file's format, with the outcomes seen: a draft for a new operation, to be checked before it is copied. */
    static String draft(String operation, Map<Caller, Access> seen) {
        String[] parts = operation.split(" ", 2);
        return String.format("%-7s%-48s", parts[0], parts[1]) + Arrays.stream(Caller.values())
                .map(c -> String.format("%-9s", seen.containsKey(c) ? seen.get(c).cell : "?"))
                .collect(Collectors.joining()).stripTrailing();
    }
}
