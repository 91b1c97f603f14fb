package jp.mamori.e2e;

/**
 * What the fault journeys break, set up once per run: a fresh database on a MariaDB server, a proxy in front of it
 * that can cut the line, and one application node connected through that proxy. A journey that kills the node starts
 * it again before it ends, so the next journey finds it running.
 */
final class FaultSite {

    private static FaultSite site;

    private final FaultDatabase database;
    private final CuttableProxy databaseLine;
    private final AppNode node;

    private FaultSite() {
        database = FaultDatabase.create();
        databaseLine = new CuttableProxy(database.server());
        node = new AppNode("node-a", database, database.jdbcUrl(databaseLine.address()));
        node.start();
    }

    static synchronized FaultSite get() {
        if (site == null) {
            site = new FaultSite();
        }
        return site;
    }

    FaultDatabase database() {
        return database;
    }

    CuttableProxy databaseLine() {
        return databaseLine;
    }

    AppNode node() {
        return node;
    }
}
