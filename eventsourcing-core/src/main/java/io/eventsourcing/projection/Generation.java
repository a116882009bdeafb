package io.eventsourcing.projection;

/**
 * One build of a projection's view. A reset or a rebuild starts a new generation from the beginning of the log;
 * a view that keeps each generation in storage of its own ({@link ViewGenerations}) can be rebuilt while the
 * current one keeps serving.
 *
 * @param number 1 for a projection's first generation, one more for each reset or rebuild
 */
public record Generation(int number) {

    public Generation {
        if (number < 1) {
            throw new IllegalArgumentException("A generation's number is at least 1, was " + number);
        }
    }

    /** The name of the table of this generation of a view: {@code <base>_<number>}, such as {@code examples_1}. */
    public String table(String base) {
        return base + "_" + number;
    }
}
