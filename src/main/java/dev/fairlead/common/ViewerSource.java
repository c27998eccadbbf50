package dev.fairlead.common;

/** Implemented by the authenticated principal so modules can learn who is asking without knowing how they logged in. */
public interface ViewerSource {
    Viewer viewer();
}
