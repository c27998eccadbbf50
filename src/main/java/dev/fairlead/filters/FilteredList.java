package dev.fairlead.filters;

/** A list whose filters can be saved, and the page it lives on. */
public enum FilteredList {
    LEADS("/leads"),
    TASKS("/tasks"),
    DEALS("/deals");

    private final String path;

    FilteredList(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
