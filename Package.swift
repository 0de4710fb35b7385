// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "scrapelint",
    products: [
        .executable(name: "scrapelint", targets: ["scrapelint"]),
        .library(name: "ScrapeLint", targets: ["ScrapeLint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The C library as the system installs it (Debian: libpcre2-dev).
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // The safe Swift face of PCRE2: compile, JIT, match, errors.
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        // The default rule files, embedded at build time. The target's folder is the top-level
        // Rules/ so that SwiftPM re-plans when a rule file is added or deleted (DESIGN.md).
        .target(
            name: "DefaultRules",
            path: "Rules",
            exclude: ["README.md"],
            plugins: ["EmbedRules"]
        ),
        .executableTarget(name: "embed-rules", path: "Sources/embed-rules"),
        .plugin(
            name: "EmbedRules",
            capability: .buildTool(),
            dependencies: ["embed-rules"]
        ),
        // The library: documents, rules, engine, diagnostics, reporters.
        .target(
            name: "ScrapeLint",
            dependencies: [
                "PCRE2",
                "DefaultRules",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // glibc's allocator told to keep freed memory for the next document (one C call).
        .target(name: "CMemoryTuning"),
        // The command: argument parsing and exit codes, nothing else.
        .executableTarget(
            name: "scrapelint",
            dependencies: [
                "ScrapeLint",
                "CMemoryTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make quality`: the rules measured on ../shared/corpus (a development tool).
        .executableTarget(name: "scrapelint-quality", dependencies: ["ScrapeLint", "PCRE2"]),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(name: "ScrapeLintTests", dependencies: ["ScrapeLint"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ScrapeLint"]
        ),
    ]
)
