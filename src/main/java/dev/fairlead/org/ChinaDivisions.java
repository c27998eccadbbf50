package dev.fairlead.org;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * China's provinces and cities by national administrative division code (GB/T 2260), from the
 * reference files shipped in {@code reference/china-divisions}. Short ({@code 44}, {@code 4403})
 * and six-digit ({@code 440000}, {@code 440300}) codes are accepted; the six-digit form is canonical.
 */
@Component
public class ChinaDivisions {

    public record Division(String code, String name, String provinceCode) {}

    private static final Pattern POSTAL_PREFIX = Pattern.compile("\\d{1,6}");

    private final Map<String, Division> provinces;
    private final Map<String, Division> cities;

    public ChinaDivisions() {
        this.provinces = load("provinces.csv", false);
        this.cities = load("cities.csv", true);
    }

    public List<Division> provinces() {
        return List.copyOf(provinces.values());
    }

    public List<Division> cities(String provinceCode) {
        String province = canonicalProvince(provinceCode).orElse(null);
        return cities.values().stream().filter(c -> c.provinceCode().equals(province)).toList();
    }

    public Optional<String> canonicalProvince(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim();
        if (c.length() == 6 && c.endsWith("0000")) {
            c = c.substring(0, 2);
        }
        return c.length() == 2 && provinces.containsKey(c + "0000") ? Optional.of(c + "0000") : Optional.empty();
    }

    public Optional<String> canonicalCity(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim();
        if (c.length() == 6 && c.endsWith("00")) {
            c = c.substring(0, 4);
        }
        return c.length() == 4 && cities.containsKey(c + "00") ? Optional.of(c + "00") : Optional.empty();
    }

    /** The stored form of a territory, or empty when the code is not a real province, city or postal prefix. */
    public Optional<Territory> canonical(Territory territory) {
        Optional<String> code = switch (territory.kind()) {
            case PROVINCE -> canonicalProvince(territory.code());
            case CITY -> canonicalCity(territory.code());
            case POSTAL_PREFIX -> Optional.ofNullable(territory.code())
                    .map(String::trim)
                    .filter(p -> POSTAL_PREFIX.matcher(p).matches());
        };
        return code.map(c -> new Territory(territory.kind(), c));
    }

    /** Human name of a territory, e.g. "广东省", "广东省 深圳市", "邮编 2000*". */
    public String describe(Territory territory) {
        return switch (territory.kind()) {
            case PROVINCE -> Optional.ofNullable(provinces.get(territory.code())).map(Division::name).orElse(territory.code());
            case CITY -> Optional.ofNullable(cities.get(territory.code()))
                    .map(c -> provinces.get(c.provinceCode()).name() + " " + c.name())
                    .orElse(territory.code());
            case POSTAL_PREFIX -> territory.code() + "*";
        };
    }

    private static Map<String, Division> load(String file, boolean withProvince) {
        String path = "/reference/china-divisions/" + file;
        Map<String, Division> result = new LinkedHashMap<>();
        try (InputStream in = ChinaDivisions.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference data " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                List<String> cols = columns(line);
                if (cols.size() < 2) {
                    continue;
                }
                String code = pad(cols.get(0));
                String province = withProvince ? pad(cols.get(2)) : code;
                result.put(code, new Division(code, cols.get(1), province));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(result);
    }

    private static String pad(String code) {
        return (code + "000000").substring(0, 6);
    }

    private static List<String> columns(String line) {
        List<String> cols = new ArrayList<>();
        for (String part : line.split(",")) {
            cols.add(part.replace("\"", "").trim());
        }
        return cols;
    }
}
