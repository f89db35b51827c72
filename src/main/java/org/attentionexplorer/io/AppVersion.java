package org.attentionexplorer.io;

/** The application's version, as written into checkpoints and printed by {@code --version}. */
public final class AppVersion {
    private AppVersion() {
    }

    /** The jar manifest's Implementation-Version, or "development" when run from classes. */
    public static String current() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
