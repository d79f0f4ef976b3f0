using System.Diagnostics;
using System.Runtime;
using LicenseGuard.Analyzers;
using LicenseGuard.Catalog;

/// <summary>
/// --cold-load: what a fresh compiler process pays the first time a compilation needs the built-in catalog, stage by stage,
/// with the JIT's share of each (methods compiled, JIT time). Run it in a fresh process; a second call measures nothing new.
/// </summary>
internal static class ColdLoadBenchmark
{
    public static int Run(string? inventoryPath)
    {
        var stages = new List<(string Name, double Ms, long Methods, double JitMs)>();
        void Stage(string name, Action action)
        {
            long methods = System.Runtime.JitInfo.GetCompiledMethodCount();
            var jit = System.Runtime.JitInfo.GetCompilationTime();
            var stopwatch = Stopwatch.StartNew();
            action();
            stages.Add((name, stopwatch.Elapsed.TotalMilliseconds, System.Runtime.JitInfo.GetCompiledMethodCount() - methods, (System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds));
        }

        Stage("compiled-in digest (CatalogDigest.BuiltIn)", () => _ = LicenseGuard.Matching.CatalogDigest.BuiltIn);
        Stage("LG1003's pre-check on 20 strings", () =>
        {
            foreach (string value in new[] { "id", "name", "created_at", "SELECT id FROM items", "/api/v1/modules/7/items/", "module-7", "application/json", "Hello", "gpt-4o", "claude-3-opus", "data", "service1", "x", "yyyy-MM-dd", "en-US", "https://docs.contoso.example/", "total", "status", "owner", "updated_at" })
            {
                _ = LicenseGuard.Matching.CatalogDigest.BuiltIn.ClosedIds.CouldMatch(value);
                _ = LicenseGuard.Matching.ModelIdIndex.CouldCarryModelId(value);
                _ = LicenseGuard.Matching.CatalogDigest.BuiltIn.Hosts.CouldMatch(value);
            }
        });
        if (inventoryPath != null)
        {
            var file = new InMemoryText(inventoryPath, File.ReadAllText(inventoryPath));
            Stage("its JSON alone (JsonReader.Parse)", () => _ = LicenseGuard.Json.JsonReader.Parse(inventoryPath, file.GetText()!.ToString()));
            Stage("read the project's inventory (InventoryFiles.Read)", () => _ = InventoryFiles.Read(file, CancellationToken.None));
            Stage("inventory summary line (ProjectInventory.ReadSummary)", () => _ = LicenseGuard.Inventory.ProjectInventory.ReadSummary(file.GetText()!.ToString()));
            Stage("rules fingerprint (no rules files)", () => _ = LicenseGuard.Policy.RulesFingerprint.Of(Array.Empty<string>(), DateTime.UtcNow.Date));
        }

        Stage("built-in catalog, compiled form (RulesCatalog.BuiltIn)", () => _ = RulesCatalog.BuiltIn);
        Stage("snapshot (CatalogSnapshot.BuiltIn)", () => _ = CatalogSnapshot.BuiltIn);
        Stage("LG1001's symbol index", () => _ = CatalogSnapshot.BuiltIn.Symbols);
        Stage("LG1003's model-id index", () => _ = CatalogSnapshot.BuiltIn.Models);
        Stage("first alternatives (openai, chat)", () => _ = CatalogSnapshot.BuiltIn.AlternativesFor(RulesCatalog.BuiltIn.Services.First(s => s.Id == "openai"), "chat"));
        Stage("a user rules file layered (loader: JSON, validation, merge)", () => _ = RulesCatalog.Load(new[] { new RulesSource("/repo/licenseguard.json", "{ \"rules\": { \"LG1003\": { \"severity\": \"error\" } } }") }));
        Stage("again, another user file (warm loader)", () => _ = RulesCatalog.Load(new[] { new RulesSource("/repo/licenseguard.json", "{ \"rules\": { \"LG1003\": { \"severity\": \"warning\" } } }") }));

        Console.WriteLine("| stage | wall (ms) | methods JIT-compiled | JIT time (ms) |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, ms, methods, jitMs) in stages)
        {
            Console.WriteLine($"| {name} | {ms:N1} | {methods} | {jitMs:N1} |");
        }

        return 0;
    }
}
