namespace StockAgent.Training;

/// <summary>The YAML / <c>--set</c> key a training option is bound to, when it is not the property's snake_case name.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfigKeyAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}
