package dev.fairlead.deals;

/**
 * One open stage of a pipeline, with the probability a deal gets when it enters it.
 * {@link #WON} and {@link #LOST} close every pipeline and are not configured.
 */
public record DealStage(String code, String nameEn, String nameZh, int position, int probability) {

    public static final String WON = "won";
    public static final String LOST = "lost";

    /** Positions the closing stages take in the stage history. */
    public static final int WON_POSITION = 99;
    public static final int LOST_POSITION = 0;

    public String name(boolean chinese) {
        return chinese ? nameZh : nameEn;
    }
}
