package org.attentionexplorer.cli;

import picocli.CommandLine;

/** The version from the jar's manifest ("development build" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"attention-explorer " + (version == null ? "(development build)" : version)};
    }
}
