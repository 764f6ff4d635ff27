namespace StockAgent.Training;

/// <summary>Marks a training option that is set in code only (a delegate, an internal detail): no YAML key binds it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfigIgnoreAttribute : Attribute;
