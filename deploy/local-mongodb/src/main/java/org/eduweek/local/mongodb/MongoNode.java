package org.eduweek.local.mongodb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** mongo-java-server on an H2 file: the services talk to it with the real MongoDB driver. */
public final class MongoNode implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private MongoNode(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static MongoNode start(Path dir, int port) throws IOException {
        Files.createDirectories(dir);
        H2Backend backend = new HelloAwareH2Backend(openStore(dir.resolve("eduweek.mv")));
        MongoServer server = new MongoServer(backend);
        // No oplog: nothing here uses change streams, and mongo-java-server's oplog is a second, ever-growing
        // collection written on every insert and update, which would be the stack's hottest path under a burst.
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            // Netty's threads would keep the JVM alive after a failed bind; shutdown also closes the H2 file.
            server.shutdownNow();
            throw new IllegalStateException("MongoDB (mongo-java-server) could not bind 127.0.0.1:" + port, e);
        }
        return new MongoNode(server, server.getLocalAddress().getPort());
    }

    /**
     * The H2 file with a page cache large enough for the whole working set. {@code H2Backend(String)} opens it with
     * MVStore's default 16 MB, with which a working set larger than the cache is re-read from the file and
     * Java-deserialized again and again (queries that are not narrowed by {@link IndexNarrowedH2Collection} still
     * scan). A quarter of the heap, at most 256 MB; the pages are the decoded documents, so nothing is read twice.
     * A larger cache makes inserts cheaper but not a registration as a whole, and grows the launcher's memory.
     */
    static MVStore openStore(Path file) {
        long quarterOfHeapMb = Runtime.getRuntime().maxMemory() / (4L * 1024 * 1024);
        int cacheMb = (int) Math.max(16, Math.min(256, quarterOfHeapMb));
        // Changes are written once a second (MVStore's autoCommitDelay), or as soon as the pending buffer fills: with
        // MVStore's default 1 MB a burst means many writes a second, each re-serializing whole pages of documents.
        // 16 MB keeps it to about one write a second; a crash loses at most that second either way. Pages split at
        // 4 KB instead of MVStore's 16 KB: a changed document (random ids land on random pages) re-serializes a
        // quarter as many neighbours.
        // MVStore rewrites any chunk less than 90 % live (its default) in the background: with registrations landing
        // on random pages that is a steady re-serialization of live pages, growing with the data. At 40 % it compacts
        // only once more than half of a chunk is dead, at the price of a larger file.
        return new MVStore.Builder().fileName(file.toAbsolutePath().toString()).cacheSize(cacheMb)
                .autoCommitBufferSize(16 * 1024).pageSplitSize(4 * 1024).autoCompactFillRate(40).open();
    }

    /**
     * mongo-java-server 1.47 knows the legacy {@code isMaster} but not its successor {@code hello}, which Spring Boot's
     * MongoDB health indicator sends: answer it the same way, so {@code /actuator/health} reports the real state.
     */
    static final class HelloAwareH2Backend extends H2Backend {

        HelloAwareH2Backend(MVStore store) {
            super(store);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document answer = super.handleCommand(channel, database, "isMaster", query);
                answer.put("isWritablePrimary", Boolean.TRUE);
                return answer;
            }
            CountPipeline count = "aggregate".equals(command) ? CountPipeline.of(query) : null;
            if (count != null) {
                return count.answer(database, count(database, count));
            }
            return super.handleCommand(channel, database, command, query);
        }

        /** A countDocuments answered by a query (see {@link CountPipeline}), under the collection's own lock. */
        private int count(String database, CountPipeline count) {
            MongoCollection<?> collection = resolveDatabase(database).resolveCollection(count.collection(), false);
            if (collection == null) {
                return 0;
            }
            synchronized (collection) {
                return collection.count(count.filter(), count.skip(), count.limit());
            }
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new FastIndexH2Database(databaseName);
        }

        /**
         * H2's database with {@link UniqueIndexKeyType} as the key type of its unique-index maps,
         * {@link EqualityCandidatesIndex} for its secondary indexes and {@link IndexNarrowedH2Collection} as its
         * collections. An inner class: the super constructor already opens the existing collections and indexes,
         * before a field of this class could be set; the store is the enclosing backend's.
         */
        final class FastIndexH2Database extends H2Database {

            FastIndexH2Database(String databaseName) {
                super(databaseName, getMvStore(), getCursorRegistry());
            }

            /**
             * H2Database opens an index map with {@code MVStore.openMap(name)}, which hands back a map already open
             * under that name: open it first, under the same name, with the faster key type.
             */
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                    List<IndexKey> keys, boolean sparse) {
                getMvStore().openMap(indexMapName(collectionName, indexName),
                        new MVMap.Builder<KeyValue, Object>().keyType(new UniqueIndexKeyType()));
                return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            }

            /** The same two maps as H2Database opens, under its names ({@code MongoNodeTest} pins them). */
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName,
                    CollectionOptions options) {
                String fullName = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> data = getMvStore().openMap("databases." + fullName);
                MVMap<String, Object> meta = getMvStore().openMap("meta." + fullName);
                return new IndexNarrowedH2Collection(this, collectionName, options, data, meta, getCursorRegistry());
            }

            /**
             * mongo-java-server accepts a non-unique index but keeps nothing for it (an {@code EmptyIndex}, "not yet
             * implemented"), so queries on it scan the collection: keep candidates in memory instead.
             */
            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                    List<IndexKey> keys, boolean sparse) {
                return new EqualityCandidatesIndex(indexName, keys);
            }

            /** H2Database's own naming (private there); {@code MongoNodeTest} fails if a new version changes it. */
            private String indexMapName(String collectionName, String indexName) {
                return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            }
        }
    }

    public int port() {
        return port;
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    /** Graceful: closes client channels, then commits and closes the H2 store (a kill -9 may lose the last writes). */
    @Override
    public void close() {
        server.shutdown();
    }
}
