package dev.fairlead.routing.domain;

/** A rep's closed leads: how many were won out of how many closed (won + lost). */
public record ConversionHistory(int won, int closed) {

    public static final ConversionHistory NONE = new ConversionHistory(0, 0);

    /** Won share pulled towards {@code prior} by {@code strength} imaginary leads, so little history means little certainty. */
    public double rate(double prior, double strength) {
        return (won + prior * strength) / (closed + strength);
    }
}
