"""One report model for every kind of member content (hub.base.moderation), and the Moderators
group may see reports in the admin. The cases and forum migrations that follow move their old
flags into it."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models




def _ensure_permissions(apps):
    """Permissions are normally made after migrations; make them now so groups can hold them."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, schema_editor):
    _ensure_permissions(apps)
    Permission = apps.get_model("auth.Permission")
    group, _ = apps.get_model("auth.Group").objects.get_or_create(name="Moderators")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="hub", codename="view_report")
    )


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('hub', '0011_user_erased_at'),
    ]

    operations = [
        migrations.CreateModel(
            name='Report',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField()),
                ('reason', models.TextField(max_length=1000)),
                ('weight', models.PositiveSmallIntegerField(default=2)),
                ('status', models.CharField(choices=[('open', 'Waiting for a moderator'), ('actioned', 'Content hidden'), ('dismissed', 'No action needed')], default='open', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('resolved_at', models.DateTimeField(blank=True, null=True)),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                ('reporter', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reports', to=settings.AUTH_USER_MODEL)),
                ('resolved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-created_at'],
                'indexes': [models.Index(fields=['status', 'created_at'], name='report_queue'), models.Index(fields=['content_type', 'object_id', 'status'], name='report_target')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'open')), fields=('reporter', 'content_type', 'object_id'), name='report_one_open_per_member')],
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
