import { DynamicModule, Module } from '@nestjs/common';
import { AliasService } from './alias.service';
import { ImportacionService, INGESTION_OPTIONS, IngestionOptions } from './importacion.service';

@Module({})
export class IngestionModule {
  static forRoot(options: IngestionOptions): DynamicModule {
    return {
      module: IngestionModule,
      providers: [
        { provide: INGESTION_OPTIONS, useValue: options },
        ImportacionService,
        AliasService,
      ],
      exports: [ImportacionService, AliasService],
    };
  }
}
