# Sourced by the bench scripts: a private work folder (kept with KEEP_WORK=1), LicenseGuard packed from this checkout into a
# feed there under a fresh version (NuGet's cache never serves an older analyzer), and the median of numbers on stdin.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bench_work() { # name: sets work and version; the folder goes when the script exits
  work="$(mktemp -d -t "licenseguard-$1-bench.XXXXXX")"
  trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; if [ -z "${KEEP_WORK:-}" ]; then rm -rf "$work"; else echo "kept $work" >&2; fi' EXIT
  version="0.0.0-$1.$(date +%s)"
}

bench_pack() { # packs into $work/feed and writes $work/NuGet.config naming only that feed (plus the user's sources)
  dotnet pack "$root/src/LicenseGuard.Package" -c Release -p:Version="$version" -o "$work/feed" -nologo -v quiet >/dev/null
  cat > "$work/NuGet.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="bench" value="$work/feed" />
  </packageSources>
</configuration>
CONFIG
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# Writes the benchmark solution into $work: $1 small projects (one in five calls the OpenAI SDK) and one large project of $2
# string-heavy files that also calls it, as Bench.sln. Project settings come from $work/Directory.Build.props, if any.
bench_generate_solution() {
  local small="$1" large_files="$2"
write_small() {
  local dir="$work/Small$1"; mkdir -p "$dir"
  if (( $1 % 5 == 0 )); then
    echo '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="OpenAI" Version="2.15.0" /></ItemGroup></Project>' > "$dir/Small$1.csproj"
    cat > "$dir/Assistant.cs" <<EOF
namespace Small$1;
public sealed class Assistant(OpenAI.Chat.ChatClient chat)
{
    public string Ask(string question) => chat.CompleteChat(question).Value.Content[0].Text;
    public static OpenAI.Chat.ChatClient Create(string key) => new("gpt-4o-mini", key);
}
EOF
  else
    echo '<Project Sdk="Microsoft.NET.Sdk" />' > "$dir/Small$1.csproj"
  fi
  for f in 1 2 3 4; do
    cat > "$dir/Service$f.cs" <<EOF
namespace Small$1;
public sealed class Service$f
{
    private readonly System.Collections.Generic.Dictionary<string, int> counts = new();
    public string Describe(int id) => \$"order {id} of service $f in project $1";
    public void Count(string key) => counts[key] = counts.TryGetValue(key, out int n) ? n + 1 : 1;
    public string Path(string name) => System.IO.Path.Combine("data", "service$f", name + ".json");
}
EOF
  done
}

write_large() {
  local dir="$work/Large"; mkdir -p "$dir"
  echo '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="OpenAI" Version="2.15.0" /></ItemGroup></Project>' > "$dir/Large.csproj"
  for (( f = 0; f < large_files; f++ )); do
    cat > "$dir/Module$f.cs" <<EOF
namespace Large;
public static class Module$f
{
    public const string Name = "module-$f";
    public static string Route(int id) => "/api/v1/modules/$f/items/" + id;
    public static string Message(string user) => \$"Hello {user}, module $f has {Name.Length} letters.";
    public static string[] Columns => new[] { "id", "name", "created_at", "updated_at", "owner", "status", "total" };
    public static string Query => "SELECT id, name FROM items WHERE module = 'module-$f' ORDER BY created_at DESC";
    public static string Help => "See https://docs.contoso.example/modules/$f for details.";
}
EOF
  done
  cat > "$dir/Ai.cs" <<'EOF'
namespace Large;
public static class Ai
{
    public static OpenAI.Chat.ChatClient Chat(string key) => new("gpt-4o", key);
    public const string Endpoint = "https://api.openai.com/v1/chat/completions";
}
EOF
}

  for (( i = 1; i <= small; i++ )); do write_small "$i"; done
  write_large
  (cd "$work" && dotnet new sln -n Bench --format sln -o . >/dev/null && dotnet sln Bench.sln add $(find . -name '*.csproj' | sort) >/dev/null)
}

# Writes $work/Directory.Build.props for the generated solution: net10.0, nullable, restore warnings off, and the items given
# (package references and additional files), if any.
bench_props() {
  cat > "$work/Directory.Build.props" <<PROPS
<Project>
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <NoWarn>\$(NoWarn);NU1603;NU1608;NU1701;NU1902;NU1903</NoWarn>
  </PropertyGroup>
  <ItemGroup>
$1
  </ItemGroup>
</Project>
PROPS
}
