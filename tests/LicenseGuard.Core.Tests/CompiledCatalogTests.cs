using System.Collections;
using System.Reflection;
using LicenseGuard.Catalog;

namespace LicenseGuard.Core.Tests;

/// <summary>
/// The built-in catalog is read from its compiled form (CompiledCatalog.BuiltIn.g.cs): it must be, property by property, what
/// the loader makes of rules/*.json, and the generated file must be current.
/// </summary>
public class CompiledCatalogTests
{
    [Fact]
    public void TheCompiledCatalogIsWhatTheLoaderMakesOfTheRulesFiles()
    {
        BuiltInDigestTests.AssertGeneratedFileIsCurrent(
            Path.Combine("src", "LicenseGuard.Core", "Catalog", "CompiledCatalog.BuiltIn.g.cs"),
            CompiledCatalog.ToCSharp(CompiledCatalog.Write(RulesCatalog.LoadBuiltInRulesFiles())));
    }

    [Fact]
    public void TheBuiltInCatalogReadsBackEqualToTheLoadedOne()
    {
        var loaded = RulesCatalog.LoadBuiltInRulesFiles();
        var compiled = RulesCatalog.BuiltIn;
        Assert.Empty(loaded.Problems);
        Assert.NotEmpty(compiled.Licenses);
        Assert.NotEmpty(compiled.Models);
        Assert.NotEmpty(compiled.Services);
        Assert.NotEmpty(compiled.Policy.Clarifications);
        Assert.All(compiled.Policy.Clarifications, c => Assert.True(c.BuiltIn));
        AssertDeepEqual(loaded, compiled, "catalog");

        // The lookups the catalog builds from its entries answer alike.
        foreach (string id in new[] { "MIT", "Apache-2.0", "LicenseRef-epplus-commercial", "GPL-3.0-or-later", "Llama-3.1" })
        {
            Assert.Equal(loaded.ClassOf(id), compiled.ClassOf(id));
        }

        Assert.Equal(loaded.FindService("openai")?.Name, compiled.FindService("openai")?.Name);
    }

    [Fact]
    public void ARoundTripKeepsEveryKindOfRecord()
    {
        // A user-layered catalog exercises what the built-in one may lack: exceptions with expiry, rule settings, policy keys.
        var layered = RulesCatalog.Load(new[]
        {
            new RulesSource("/repo/licenseguard.json", """
                {
                  "rules": { "LG1003": { "severity": "error", "ignore": ["gpt-4o-mini"] }, "LG2001": { "enabled": false } },
                  "policy": {
                    "classes": { "weak-copyleft": "warn" },
                    "licenses": { "MIT": "allow" },
                    "ignore": ["Contoso.*"],
                    "nonCommercialProduct": true,
                    "exceptions": [ { "package": "EPPlus", "version": "[4.5.3.3]", "reason": "legacy export", "expires": "2099-01-31" } ]
                  }
                }
                """),
        });
        Assert.Empty(layered.Problems);
        var read = CompiledCatalog.Read(CompiledCatalog.Write(layered));
        AssertDeepEqual(layered, read, "catalog");
        Assert.Single(read.Policy.Exceptions);
        Assert.Equal("legacy export", read.Policy.Exceptions[0].Reason);
    }

    [Fact]
    public void ACatalogWithProblemsIsNotCompiled()
    {
        var broken = RulesCatalog.Load(new[] { new RulesSource("/repo/licenseguard.json", "{ \"rules\": 3 }") });
        Assert.NotEmpty(broken.Problems);
        Assert.Throws<InvalidOperationException>(() => CompiledCatalog.Write(broken));
    }

    private static void AssertDeepEqual(object? expected, object? actual, string path)
    {
        if (expected == null || actual == null)
        {
            Assert.True(expected == null && actual == null, $"{path}: {expected ?? "null"} != {actual ?? "null"}");
            return;
        }

        // Lists may differ in their concrete type (List<T> from the loader, T[] from the compiled form); everything else may not.
        var type = expected.GetType();
        Assert.True(type == actual.GetType() || (expected is IEnumerable && actual is IEnumerable && expected is not string), $"{path}: {type} != {actual.GetType()}");
        if (type.IsPrimitive || type.IsEnum || expected is string || expected is DateTime || expected is decimal)
        {
            Assert.True(expected.Equals(actual), $"{path}: '{expected}' != '{actual}'");
            return;
        }

        if (expected is IDictionary expectedDictionary)
        {
            var actualDictionary = (IDictionary)actual;
            Assert.True(expectedDictionary.Count == actualDictionary.Count, $"{path}: {expectedDictionary.Count} != {actualDictionary.Count} keys");
            foreach (DictionaryEntry entry in expectedDictionary)
            {
                Assert.True(actualDictionary.Contains(entry.Key), $"{path}: key {entry.Key} missing");
                AssertDeepEqual(entry.Value, actualDictionary[entry.Key], $"{path}[{entry.Key}]");
            }

            return;
        }

        if (expected is IEnumerable expectedItems)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            Assert.True(left.Count == right.Count, $"{path}: {left.Count} != {right.Count} items");
            for (int i = 0; i < left.Count; i++)
            {
                AssertDeepEqual(left[i], right[i], $"{path}[{i}]");
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                AssertDeepEqual(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
            }
        }
    }
}
