using System.Reflection;

namespace StockAgent.Training;

/// <summary>One training setting as YAML and <c>--set</c> name it: the key, the option record's property it binds,
/// and the algorithms whose record has it.</summary>
public sealed record ConfigKey(string Key, PropertyInfo Property, IReadOnlyList<string> Algorithms);
