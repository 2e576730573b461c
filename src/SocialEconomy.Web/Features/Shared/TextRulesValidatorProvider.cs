using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace SocialEconomy.Web.Features.Shared;

/// <summary>
/// <see cref="TextRules"/> for every string that model binding fills, in every form: a string
/// property or parameter, and each value of a string dictionary or list (the results page's
/// <c>Actual[i12]</c>, a structure part's <c>Values[Name]</c>). A field is multi-line when
/// its property or parameter says <c>[DataType(DataType.MultilineText)]</c>; a dictionary that
/// holds both kinds (the plan tables' cells) says so too and keeps every other rule. The error
/// goes to the field's own key, so each form's validation span shows it beside the field.
/// </summary>
public sealed class TextRulesValidatorProvider : IMetadataBasedModelValidatorProvider
{
    private static readonly TextRulesValidator Validator = new();

    public void CreateValidators(ModelValidatorProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Only where a field's metadata is known: a dictionary's values (which validation also
        // visits as KeyValuePair.Value) are checked by the dictionary's own property, which
        // knows whether they are multi-line.
        var metadata = context.ModelMetadata;
        var inPair = metadata.ContainerType is { IsGenericType: true } container && container.GetGenericTypeDefinition() == typeof(KeyValuePair<,>);
        if (metadata.MetadataKind is ModelMetadataKind.Property or ModelMetadataKind.Parameter && !inPair && HasValidators(metadata.ModelType, []))
        {
            context.Results.Add(new ValidatorItem { Validator = Validator, IsReusable = true });
        }
    }

    public bool HasValidators(Type modelType, IList<object> validatorMetadata) =>
        modelType == typeof(string)
        || typeof(IEnumerable<KeyValuePair<string, string?>>).IsAssignableFrom(modelType)
        || typeof(IEnumerable<string?>).IsAssignableFrom(modelType);

    private sealed class TextRulesValidator : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context)
        {
            var metadata = context.ModelMetadata;
            var multiLine = metadata.ValidatorMetadata.OfType<DataTypeAttribute>().Any(a => a.DataType == DataType.MultilineText);
            var field = metadata.DisplayName;
            switch (context.Model)
            {
                case string text:
                    if (TextRules.FindForbidden(text, multiLine) is { } found)
                    {
                        yield return new ModelValidationResult(string.Empty, TextRules.Message(field, found));
                    }

                    break;
                case IEnumerable<KeyValuePair<string, string?>> pairs:
                    foreach (var (key, value) in pairs)
                    {
                        // A key is a field's name: it is never shown, so a bad one is the whole form's.
                        if (TextRules.FindForbidden(key, multiLine: false) is { } inKey)
                        {
                            yield return new ModelValidationResult(string.Empty, TextRules.Message(field, inKey));
                        }
                        else if (TextRules.FindForbidden(value, multiLine) is { } inValue)
                        {
                            yield return new ModelValidationResult($"[{key}]", TextRules.Message(field, inValue));
                        }
                    }

                    break;
                case IEnumerable<string?> values:
                    var index = 0;
                    foreach (var value in values)
                    {
                        if (TextRules.FindForbidden(value, multiLine) is { } inValue)
                        {
                            yield return new ModelValidationResult($"[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]", TextRules.Message(field, inValue));
                        }

                        index++;
                    }

                    break;
            }
        }
    }
}
