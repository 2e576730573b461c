namespace SocialEconomy.Domain.Organization;

/// <summary>Whether a local government is a 광역 시·도 or a 기초 시·군·구.</summary>
public enum GovernmentLevel
{
    /// <summary>광역자치단체: 특별시·광역시·특별자치시·도·특별자치도.</summary>
    Province,

    /// <summary>기초자치단체: 시·군·구.</summary>
    Local,
}

/// <summary>
/// A local government (지방자치단체), the organisation that owns departments, plans,
/// evaluations and accounts on the portal and whose data no other organisation's people
/// read or change (docs/organisations.md). A 시·군·구 may sit under its 시·도, which reads
/// the confirmed results of the governments under it.
/// </summary>
public class LocalGovernment
{
    public const int NameMaxLength = 100;
    public const int ShortNameMaxLength = 50;

    /// <summary>행정기관코드: seven digits, e.g. 3070000 for 서울특별시 성북구.</summary>
    public const int CodeLength = 7;

    public LocalGovernment(GovernmentLevel level, string name, string shortName, string? code = null, LocalGovernment? parent = null)
    {
        Level = level;
        Name = ShortName = string.Empty;
        Rename(name, shortName, code);
        PlaceUnder(parent);
    }

    private LocalGovernment()
    {
        Name = ShortName = string.Empty;
    }

    public int Id { get; private set; }

    public GovernmentLevel Level { get; private set; }

    /// <summary>The official name, e.g. 서울특별시 성북구; printed on covers and headers.</summary>
    public string Name { get; private set; }

    /// <summary>The name officials use, e.g. 성북구; before department names and in lists.</summary>
    public string ShortName { get; private set; }

    public string? Code { get; private set; }

    public int? ParentId { get; private set; }

    public LocalGovernment? Parent { get; private set; }

    public bool IsActive { get; private set; } = true;

    /// <summary>Changes with every edit so that two administrators' saves cannot overwrite each other.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public string LevelLabel => Level == GovernmentLevel.Province ? "광역(시·도)" : "기초(시·군·구)";

    public void Rename(string name, string shortName, string? code)
    {
        Name = DomainText(name, "기관명", NameMaxLength);
        ShortName = DomainText(shortName, "약칭", ShortNameMaxLength);
        var trimmed = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        if (trimmed is not null && (trimmed.Length != CodeLength || !trimmed.All(char.IsAsciiDigit)))
        {
            throw new DomainException($"행정기관코드는 숫자 {CodeLength}자리로 입력하세요.");
        }

        Code = trimmed;
        Version = Guid.NewGuid();
    }

    /// <summary>Only a 시·군·구 sits under a 시·도; a 시·도 sits under no one.</summary>
    public void PlaceUnder(LocalGovernment? parent)
    {
        if (parent is not null && (Level != GovernmentLevel.Local || parent.Level != GovernmentLevel.Province))
        {
            throw new DomainException("상위 기관은 기초자치단체(시·군·구)에만 지정할 수 있고, 광역자치단체(시·도)여야 합니다.");
        }

        Parent = parent;
        ParentId = parent?.Id;
        Version = Guid.NewGuid();
    }

    /// <summary>Deactivated, it keeps its history and is refused for new work; never deleted.</summary>
    public void SetActive(bool active)
    {
        IsActive = active;
        Version = Guid.NewGuid();
    }

    private static string DomainText(string value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"{label}을(를) 입력하세요.");
        }

        var trimmed = value.Trim();
        return trimmed.Length <= maxLength ? trimmed : throw new DomainException($"{label}은(는) {maxLength}자 이내로 입력하세요.");
    }
}
